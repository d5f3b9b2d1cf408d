package org.contextencoder.viz;

import org.contextencoder.eval.Score;
import org.contextencoder.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultTableTest {

    @Test
    void everyMetricIsAColumnTheOldOnesFirstInTheirOrder(@TempDir Path dir) throws Exception {
        ResultTable table = new ResultTable("t")
                .add("truck", "test", new Score("harmonic", 0.03, 15.2, 1000, 0.13, 0.64, 0.11, 16.1));
        Path csv = dir.resolve("metrics.csv");
        AtomicFiles.writeCsv(csv, table.table());

        assertEquals(List.of("setting,split,method,masked_mse,psnr,images,masked_l1,ssim,detail_ratio,mean_image_psnr",
                "truck,test,harmonic,0.03,15.2,1000,0.13,0.64,0.11,16.1"), Files.readAllLines(csv));
    }

    @Test
    void aTableShowsEachMetricToTheDecimalsAReaderReadsWhileItsCsvKeepsThemAll(@TempDir Path dir) throws Exception {
        ResultTable table = new ResultTable("t").add("general", "train", new Score("context-encoder",
                0.019391400506297018, 17.12390823711808, 50000, 0.0912345678, 0.6543219876, 0.4567891234, 18.98765432));

        Table t = table.table();
        assertEquals(List.of("0.01939", "17.12", "50000", "0.09123", "0.6543", "0.457", "18.99"),
                List.of(t.getString(0, "masked_mse"), t.getString(0, "psnr"), t.getString(0, "images"),
                        t.getString(0, "masked_l1"), t.getString(0, "ssim"), t.getString(0, "detail_ratio"),
                        t.getString(0, "mean_image_psnr")));
        assertTrue(t.print().contains(" 0.01939  |  17.12  |"), t.print());
        Path csv = dir.resolve("metrics.csv");
        AtomicFiles.writeCsv(csv, table.table());
        assertEquals("general,train,context-encoder,0.019391400506297018,17.12390823711808,50000,0.0912345678,"
                + "0.6543219876,0.4567891234,18.98765432", Files.readAllLines(csv).get(1));
    }
}
