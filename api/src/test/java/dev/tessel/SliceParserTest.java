package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SliceParserTest {
    @Test
    void parsesEveryItemKind() {
        Index[] items = SliceParser.parse("1:3, ::-2, ..., None, -4, newaxis, 5:, :7, +2:-1:3");
        assertArrayEquals(new Index[] {
            Index.range(1, 3), Index.slice(null, null, -2), Index.ellipsis(), Index.newAxis(), Index.at(-4),
            Index.newAxis(), Index.from(5), Index.to(7), Index.range(2, -1, 3)}, items);
    }

    @Test
    void emptyStringAndTrailingCommaFollowPython() {
        assertEquals(0, SliceParser.parse("  ").length);
        assertArrayEquals(new Index[] {Index.at(1)}, SliceParser.parse("1,"));
        assertArrayEquals(new Index[] {Index.all(), Index.slice(null, null, 1)}, SliceParser.parse(":, ::"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1:2:3:4; 0; too many ':' in slice '1:2:3:4' (a slice is start:stop:step) at position 0 in \"1:2:3:4\"",
        "1, a:2; 3; invalid slice start 'a' (expected an integer, ':', '...', 'None' or 'newaxis') at position 3 in \"1, a:2\"",
        "1,,2; 2; empty index item at position 2 in \"1,,2\"",
        "::0; 2; slice step cannot be zero at position 2 in \"::0\"",
        "0, 1: :0; 7; slice step cannot be zero at position 7 in \"0, 1: :0\"",
        "1.5; 0; invalid index '1.5' (expected an integer, ':', '...', 'None' or 'newaxis') at position 0 in \"1.5\"",
        "99999999999999999999; 0; index '99999999999999999999' does not fit in a 64-bit integer at position 0 in \"99999999999999999999\"",
        "1 2; 0; invalid index '1 2' (expected an integer, ':', '...', 'None' or 'newaxis') at position 0 in \"1 2\"",
    })
    void malformedTextNamesPositionAndText(String text, int position, String message) {
        SliceSyntaxException e = assertThrows(SliceSyntaxException.class, () -> SliceParser.parse(text));
        assertEquals(message, e.getMessage());
        assertEquals(position, e.position());
        assertEquals(text, e.text());
    }
}
