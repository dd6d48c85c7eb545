package org.ichnaea.core.apikey;

/** The kind of API a request calls; decides which key permission and sample rate apply. */
public enum ApiType {
    LOCATE,
    REGION,
    SUBMIT
}
