package org.threadcoder;

/** Sorting of int indexes by a comparison of what they stand for, stable, without boxing a million of them. */
final class Indexes {
    /** How two indexes compare. */
    interface Comparison {
        int compare(int a, int b);
    }

    private Indexes() {
    }

    /** Sorts {@code order[from, to)} by {@code comparison}, keeping equal ones in the order they stand (a merge sort). */
    static void sort(int[] order, int from, int to, Comparison comparison) {
        if (to - from < 2) {
            return;
        }
        int[] buffer = new int[to - from];
        mergeSort(order, buffer, from, to, comparison);
    }

    private static void mergeSort(int[] order, int[] buffer, int from, int to, Comparison comparison) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int value = order[i];
                int j = i;
                while (j > from && comparison.compare(order[j - 1], value) > 0) {
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = value;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(order, buffer, from, middle, comparison);
        mergeSort(order, buffer, middle, to, comparison);
        if (comparison.compare(order[middle - 1], order[middle]) <= 0) {
            return;
        }
        int left = from;
        int right = middle;
        int out = 0;
        while (left < middle && right < to) {
            buffer[out++] = comparison.compare(order[left], order[right]) <= 0 ? order[left++] : order[right++];
        }
        while (left < middle) {
            buffer[out++] = order[left++];
        }
        while (right < to) {
            buffer[out++] = order[right++];
        }
        System.arraycopy(buffer, 0, order, from, out);
    }
}
