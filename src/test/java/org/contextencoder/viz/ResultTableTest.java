package org.contextencoder.viz;

import org.contextencoder.eval.Score;
import org.contextencoder.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
