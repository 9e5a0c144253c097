package org.gongzu.mail;

/** A mail's subject and its HTML and plain-text bodies. */
record Rendered(String subject, String html, String text) {
}
