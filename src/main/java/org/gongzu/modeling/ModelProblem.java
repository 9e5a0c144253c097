package org.gongzu.modeling;

/**
 * Why a model may not be deployed: the file, the element (null for the file as a whole) and the
 * reason in Chinese, as the editor shows it next to the element and the deploy refusal lists it.
 */
public record ModelProblem(String resource, String elementId, String message) {
}
