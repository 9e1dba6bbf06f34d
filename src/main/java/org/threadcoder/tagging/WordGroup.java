package org.threadcoder.tagging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Words of a rule (a proximity rule's group, a context requirement) compiled to word keys and the
 * prefixes of its wildcards ({@code therap*}), so a token is checked by lookups.
 */
record WordGroup(Set<String> keys, List<String> prefixes) {
    WordGroup {
        keys = Set.copyOf(keys);
        prefixes = List.copyOf(prefixes);
    }

    /** The words keyed as sentence tokens are; a wildcard key comes back from {@code termKeys} as its prefix and {@code *}. */
    static WordGroup of(List<String> words, Function<String, List<String>> termKeys) {
        Set<String> keys = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String word : words) {
            for (String key : termKeys.apply(word)) {
                if (key.endsWith("*")) {
                    prefixes.add(key.substring(0, key.length() - 1));
                } else {
                    keys.add(key);
                }
            }
        }
        return new WordGroup(keys, prefixes);
    }

    /** Whether a token with these keys and this text is one of the group's words. */
    boolean contains(String[] tokenKeys, String word) {
        for (String key : tokenKeys) {
            if (keys.contains(key)) {
                return true;
            }
        }
        for (String prefix : prefixes) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
