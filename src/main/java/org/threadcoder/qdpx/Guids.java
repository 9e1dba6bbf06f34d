package org.threadcoder.qdpx;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * GUIDs from content: name-based UUIDs (version 5, SHA-1, RFC 9562) of a stable name such as
 * {@code concept:alliance-goals}, so an export run twice gives the same GUIDs and the same bytes.
 */
final class Guids {
    /** The namespace of every threadcoder GUID (itself a fixed, arbitrary UUID). */
    private static final UUID NAMESPACE = UUID.fromString("5b0c3a52-8f1e-4d7b-9a36-2f6a1c0e7d41");

    private Guids() {
    }

    /** The GUID of a kind of thing and its stable id: {@code of("concept", "alliance-goals")}. */
    static String of(String kind, String id) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-1", impossible);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest((kind + ":" + id).getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong()).toString();
    }
}
