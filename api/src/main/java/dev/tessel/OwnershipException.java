package dev.tessel;

/**
 * An op or lease could not get the ownership it needs: another holder has an overlapping
 * lease (the message names both parties: threads, ops, byte ranges, the storage), the thread
 * would wait on itself, a scope cannot free storage that is still leased, or a spent lease or
 * loan was used. Nothing was read or written by the failed call.
 */
public class OwnershipException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OwnershipException(String message) {
        super(message);
    }
}
