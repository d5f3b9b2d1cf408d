package org.contextencoder.viz;

import org.contextencoder.train.EpochRecord;
import org.contextencoder.train.LossHistory;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossCurveTest {

    @Test
    void everyPanelHasTheSameAxisAndEachNameItsColourInEveryPanel() {
        Map<String, Map<String, LossHistory>> panels = new LinkedHashMap<>();
        panels.put("sgd", runs("0.01", history(0.09, 0.08), "0.001", history(0.12, 0.10)));
        panels.put("adam", runs("0.001", history(0.04, 0.03))); // no 0.01 here: 0.001 keeps its colour

        List<XYChart> charts = LossCurve.panelCharts(panels, false);

        assertEquals(List.of("sgd", "adam"), charts.stream().map(XYChart::getTitle).toList());
        assertEquals(charts.get(0).getSeriesMap().get("0.001").getLineColor(),
                charts.get(1).getSeriesMap().get("0.001").getLineColor());
        assertTrue(!charts.get(0).getSeriesMap().get("0.01").getLineColor()
                .equals(charts.get(0).getSeriesMap().get("0.001").getLineColor()));
        for (XYChart chart : charts) {
            assertTrue(chart.getStyler().getYAxisMin() <= 0.03 && chart.getStyler().getYAxisMax() >= 0.12,
                    chart.getTitle() + " spans every panel's losses");
            assertEquals(charts.get(0).getStyler().getYAxisMax(), chart.getStyler().getYAxisMax());
        }
    }

    @Test
    void aRunWithoutAFinishedEpochHasNoCurveYet() {
        XYChart chart = LossCurve.compare(runs("done", history(0.05), "starting", new LossHistory()), "t", true);

        assertEquals(List.of("done", "done (training)"), List.copyOf(chart.getSeriesMap().keySet()));
    }

    private static Map<String, LossHistory> runs(Object... nameAndHistory) {
        Map<String, LossHistory> runs = new LinkedHashMap<>();
        for (int i = 0; i < nameAndHistory.length; i += 2) {
            runs.put((String) nameAndHistory[i], (LossHistory) nameAndHistory[i + 1]);
        }
        return runs;
    }

    private static LossHistory history(double... val) {
        LossHistory h = new LossHistory();
        for (int i = 0; i < val.length; i++) h.add(new EpochRecord(i + 1, val[i], val[i], 1));
        return h;
    }
}
