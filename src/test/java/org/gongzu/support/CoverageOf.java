package org.gongzu.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the test class of one process: the coverage library counts that process's flow nodes and
 * sequence flows over the class's tests, and nothing else (other processes the tests touch are
 * excluded), and fails the class below {@link ProcessCoverage#MINIMUM}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CoverageOf {

    /** The process key. */
    String value();
}
