package org.threadcoder.output;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.threadcoder.model.Codebook;

/** How {@link ConceptMap} writes its per-thread parts as records of a {@link SpillStore}, and reads them back. */
final class ConceptMapRecords {
    /** A sentence id written as its index: {@code <thread id>.s<index>}, the splitter's ids. */
    private static final String SENTENCE = ".s";

    private ConceptMapRecords() {
    }

    static void writeRow(SpillStore store, ConceptMap.ThreadRow row, Codebook codebook) throws IOException {
        DataOutputStream out = store.writer();
        ConceptMap.ThreadInfo thread = row.thread();
        SpillStore.writeString(out, thread.id());
        SpillStore.writeString(out, thread.source());
        SpillStore.writeString(out, thread.author());
        SpillStore.writeString(out, thread.handle());
        SpillStore.writeString(out, thread.dateText());
        SpillStore.writeString(out, thread.date() == null ? null : thread.date().toString());
        out.writeBoolean(thread.tweetCount() != null);
        out.writeInt(thread.tweetCount() == null ? 0 : thread.tweetCount());
        out.writeBoolean(thread.complete());
        out.writeInt(row.tweetsShown());
        out.writeInt(row.sentences());
        out.writeInt(row.words());
        for (String id : codebook.ids()) {
            out.writeInt(row.conceptSentences().get(id));
        }
        store.endRecord();
    }

    static ConceptMap.ThreadRow readRow(DataInputStream in, Codebook codebook) throws IOException {
        String id = SpillStore.readString(in);
        String source = SpillStore.readString(in);
        String author = SpillStore.readString(in);
        String handle = SpillStore.readString(in);
        String dateText = SpillStore.readString(in);
        String date = SpillStore.readString(in);
        boolean hasCount = in.readBoolean();
        int tweetCount = in.readInt();
        boolean complete = in.readBoolean();
        int tweetsShown = in.readInt();
        int sentences = in.readInt();
        int words = in.readInt();
        Map<String, Integer> conceptSentences = new LinkedHashMap<>();
        for (String concept : codebook.ids()) {
            conceptSentences.put(concept, in.readInt());
        }
        ConceptMap.ThreadInfo thread = new ConceptMap.ThreadInfo(id, source, author, handle, dateText, date == null ? null : LocalDate.parse(date),
                hasCount ? tweetCount : null, complete);
        return new ConceptMap.ThreadRow(thread, tweetsShown, sentences, words, conceptSentences);
    }

    /** A concept's cell in a thread; a sentence id of the splitter's form is kept as its index alone. */
    static void writeCell(SpillStore store, String threadId, ConceptCounts.Cell cell) throws IOException {
        DataOutputStream out = store.writer();
        SpillStore.writeString(out, threadId);
        out.writeInt(cell.mentions);
        for (int count : cell.byAttribute) {
            out.writeInt(count);
        }
        List<String> ids = cell.sentenceIds;
        out.writeInt(ids.size());
        for (String id : ids) {
            int index = sentenceIndex(threadId, id);
            out.writeInt(index);
            if (index < 0) {
                SpillStore.writeString(out, id);
            }
        }
        store.endRecord();
    }

    /** The cell after its thread id (which the caller has read). */
    static ConceptCounts.Cell readCell(DataInputStream in, String threadId) throws IOException {
        ConceptCounts.Cell cell = new ConceptCounts.Cell();
        cell.mentions = in.readInt();
        for (int i = 0; i < cell.byAttribute.length; i++) {
            cell.byAttribute[i] = in.readInt();
        }
        int count = in.readInt();
        for (int k = 0; k < count; k++) {
            int index = in.readInt();
            cell.sentenceIds.add(index < 0 ? SpillStore.readString(in) : threadId + SENTENCE + index);
        }
        return cell;
    }

    /** The index of {@code <thread id>.s<index>} (digits without a leading zero), or -1 for an id of another form. */
    private static int sentenceIndex(String threadId, String id) {
        int digits = threadId.length() + SENTENCE.length();
        if (id.length() <= digits || id.length() > digits + 9 || !id.startsWith(threadId) || !id.startsWith(SENTENCE, threadId.length())
                || id.charAt(digits) == '0') {
            return -1;
        }
        int index = 0;
        for (int i = digits; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }
}
