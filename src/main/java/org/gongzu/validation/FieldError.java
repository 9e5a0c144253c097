package org.gongzu.validation;

/**
 * One refused value: the form field's key, and a Chinese message that names the field as staff
 * see it on the form.
 */
public record FieldError(String field, String message) {
}
