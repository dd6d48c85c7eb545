package org.ichnaea.app.files;

/** A station file line that cannot be imported; nothing of that line was applied. */
public class StationFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long lineNumber;
    private final long imported;

    public StationFileException(long lineNumber, long imported, String reason) {
        super("line " + lineNumber + ": " + reason + " (" + imported + " stations imported before it)");
        this.lineNumber = lineNumber;
        this.imported = imported;
    }

    public long lineNumber() {
        return lineNumber;
    }

    /** How many stations of the lines before it were imported. */
    public long imported() {
        return imported;
    }
}
