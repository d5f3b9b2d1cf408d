package org.contextencoder.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell into Java code and IJava-style magics: a line {@code %name args} is a line magic,
 * a first line {@code %%name args} makes the whole cell a cell magic.
 */
final class CellSource {

    /** A piece of the cell; its line numbers are 1-based lines of the cell. */
    sealed interface Part permits Code, Magic {
    }

    record Code(String text, int firstLine) implements Part {
    }

    record Magic(String name, String argument, int line) implements Part {
        List<String> words() {
            return CellSource.words(argument);
        }
    }

    /** A cell magic: its name and argument (the first line) and its body (the other lines). */
    record CellMagic(String name, String argument, String body) {
    }

    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%(\\w+)(?:\\s+(.*?))?\\s*$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%(\\w+)(?:[ \\t]+([^\\n]*?))?[ \\t]*(?:\\n|$)");

    private CellSource() {
    }

    static Optional<CellMagic> cellMagic(String source) {
        Matcher m = CELL_MAGIC.matcher(source);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new CellMagic(m.group(1), m.group(2) == null ? "" : m.group(2), source.substring(m.end())));
    }

    static List<Part> parse(String source) {
        List<Part> parts = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        StringBuilder code = new StringBuilder();
        int codeStart = 1;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE_MAGIC.matcher(lines[i]);
            if (m.matches()) {
                addCode(parts, code, codeStart);
                parts.add(new Magic(m.group(1), m.group(2) == null ? "" : m.group(2), i + 1));
                codeStart = i + 2;
            } else {
                code.append(lines[i]).append('\n');
            }
        }
        addCode(parts, code, codeStart);
        return parts;
    }

    /**
     * The cell with its magic lines blanked out (replaced by spaces), so that code analysis sees
     * only Java while character positions stay where the front end counts them.
     */
    static String blankMagics(String source) {
        if (cellMagic(source).isPresent()) {
            int bodyStart = source.indexOf('\n') + 1;
            return bodyStart == 0 ? " ".repeat(source.length())
                    : " ".repeat(bodyStart - 1) + "\n" + blankMagics(source.substring(bodyStart));
        }
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (LINE_MAGIC.matcher(lines[i]).matches()) {
                lines[i] = " ".repeat(lines[i].length());
            }
        }
        return String.join("\n", lines);
    }

    private static void addCode(List<Part> parts, StringBuilder code, int firstLine) {
        if (!code.toString().isBlank()) {
            parts.add(new Code(code.toString(), firstLine));
        }
        code.setLength(0);
    }

    /** Splits magic arguments at whitespace; double or single quotes group, backslash escapes. */
    static List<String> words(String argument) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\\' && i + 1 < argument.length()) {
                word.append(argument.charAt(++i));
                inWord = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
