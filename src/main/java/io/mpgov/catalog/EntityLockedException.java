package io.mpgov.catalog;

/** Another change set is running on the same entity (AWS: ResourceInUseException); try again later. */
public class EntityLockedException extends RuntimeException {

    public EntityLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
