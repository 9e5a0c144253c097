package org.gongzu.web.errors;

import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.spi.DataFormatConfigurator;

/**
 * Json variables (Spin) are parsed within Gongzu's JSON limits too: a value nested thousands of
 * levels deep is refused as bad input. Loaded by Spin through META-INF/services.
 */
public class SpinJsonLimits implements DataFormatConfigurator<JacksonJsonDataFormat> {

    @Override
    public Class<JacksonJsonDataFormat> getDataFormatClass() {
        return JacksonJsonDataFormat.class;
    }

    @Override
    public void configure(JacksonJsonDataFormat format) {
        JsonLimits.limit(format.getObjectMapper());
    }
}
