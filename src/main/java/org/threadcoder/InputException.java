package org.threadcoder;

/**
 * Bad input: a file the tool cannot read as what it should be. The message names the file and the place.
 */
public class InputException extends Exception {
    private final String file;

    public InputException(String file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public InputException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    /** The file (or input name) at fault. */
    public String file() {
        return file;
    }

    /** The reason without the file name. */
    public String reason() {
        String message = getMessage();
        return message.substring(file.length() + 2);
    }
}
