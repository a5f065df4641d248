package io.shoudan.channels.mapping;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CodeTablesDocTest {

    @Test
    void docsChannelsMdShowsExactlyTheMappingTables() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "CHANNELS.md"));
        int begin = doc.indexOf("<!-- tables:begin -->\n");
        int end = doc.indexOf("<!-- tables:end -->");
        assertThat(begin).as("tables:begin marker").isNotNegative();
        assertThat(end).as("tables:end marker").isGreaterThan(begin);
        assertThat(doc.substring(begin + "<!-- tables:begin -->\n".length(), end)).isEqualTo(CodeTablesMarkdown.render());
    }
}
