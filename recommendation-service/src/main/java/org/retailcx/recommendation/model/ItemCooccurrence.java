package org.retailcx.recommendation.model;

import java.util.function.IntToDoubleFunction;

import org.ejml.data.DMatrixRMaj;

/**
 * Product × product sums over customers, {@code G[i][j] = Σ_u v(u,i) · v(u,j)}, accumulated from each customer's
 * sparse row into a dense EJML matrix (bank catalogues have hundreds to a few thousand products). With v = 1 it is
 * the co-occurrence count matrix (diagonal = customers per product); with weights it is the Gram matrix of cosine
 * similarity.
 */
final class ItemCooccurrence {

    private ItemCooccurrence() {
    }

    static DMatrixRMaj counts(InteractionMatrix m) {
        return gram(m, cell -> 1);
    }

    static DMatrixRMaj gram(InteractionMatrix m, IntToDoubleFunction cellValue) {
        int n = m.productCount();
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        double[] data = g.data;
        double[] values = new double[16];
        for (int c = 0; c < m.customerCount(); c++) {
            int start = m.rowStart(c);
            int length = m.rowLength(c);
            if (values.length < length) {
                values = new double[length];
            }
            for (int a = 0; a < length; a++) {
                values[a] = cellValue.applyAsDouble(start + a);
            }
            // Products ascend within a row, so only the upper triangle is touched here.
            for (int a = 0; a < length; a++) {
                int rowOffset = m.product(start + a) * n;
                double va = values[a];
                for (int b = a; b < length; b++) {
                    data[rowOffset + m.product(start + b)] += va * values[b];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                data[j * n + i] = data[i * n + j];
            }
        }
        return g;
    }
}
