package org.contextencoder.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs (and text outputs) of this kernel session, for Jupyter's {@code history_request}.
 * There is one session, numbered 0 as Jupyter numbers the current one.
 */
final class CellHistory implements HistoryManager {

    static final int SESSION = 0;

    private record Cell(int number, String input, String output) {
    }

    private final List<Cell> cells = new ArrayList<>();

    synchronized void add(int number, String input, String output) {
        cells.add(new Cell(number, input, output == null ? "" : output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        if (session != SESSION) {
            return List.of();
        }
        return entries(cells.stream().filter(c -> c.number() >= start && c.number() < stop).toList(), flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        return entries(last(cells, length), flags);
    }

    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern regex = globToRegex(pattern);
        List<Cell> matches = cells.stream().filter(c -> regex.matcher(c.input()).matches()).toList();
        if (flags.contains(ResultFlag.UNIQUE)) {
            // Keep the latest occurrence of each input.
            Set<String> seen = new LinkedHashSet<>();
            List<Cell> unique = new ArrayList<>();
            for (int i = matches.size() - 1; i >= 0; i--) {
                if (seen.add(matches.get(i).input())) {
                    unique.add(0, matches.get(i));
                }
            }
            matches = unique;
        }
        return entries(last(matches, length), flags);
    }

    private static List<Cell> last(List<Cell> cells, int length) {
        return length <= 0 ? cells : cells.subList(Math.max(0, cells.size() - length), cells.size());
    }

    private static List<HistoryEntry> entries(List<Cell> cells, Set<ResultFlag> flags) {
        boolean withOutput = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        return cells.stream()
                .map(c -> new HistoryEntry(SESSION, c.number(), c.input(), withOutput ? c.output() : null))
                .toList();
    }

    /** Jupyter's history search patterns are sqlite GLOBs: {@code *}, {@code ?} and {@code [...]}. */
    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[' && glob.indexOf(']', i + 1) > i + 1) {
                int end = glob.indexOf(']', i + 2);
                String set = glob.substring(i + 1, end);
                regex.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = end;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
