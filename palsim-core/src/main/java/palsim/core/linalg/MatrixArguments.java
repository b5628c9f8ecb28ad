package palsim.core.linalg;

/** Shape and bounds checks shared by the matrix kernels; messages name the offending argument. */
final class MatrixArguments {
    private MatrixArguments() {}

    /**
     * Checks a call C[rowFrom..rowTo) (+)= op(A)·B with op(A) rows × inner and B inner × columns,
     * so that no index the kernel touches is out of range.
     */
    static void checkMultiply(Transpose transA, int rowFrom, int rowTo, int columns, int inner,
            int aLength, int aOffset, int lda, int bLength, int bOffset, int ldb,
            int cLength, int cOffset, int ldc) {
        if (transA == null) {
            throw new IllegalArgumentException("transA must not be null");
        }
        if (rowFrom < 0 || rowTo < rowFrom) {
            throw new IllegalArgumentException("rows: need 0 <= rowFrom <= rowTo, got [" + rowFrom + ", " + rowTo + ")");
        }
        if (columns < 0) {
            throw new IllegalArgumentException("columns must be >= 0, got " + columns);
        }
        if (inner < 0) {
            throw new IllegalArgumentException("inner must be >= 0, got " + inner);
        }
        if (rowTo == rowFrom || columns == 0) {
            return;
        }
        if (ldc < columns) {
            throw new IllegalArgumentException("ldc (" + ldc + ") must be >= columns (" + columns + ")");
        }
        requireInside("c", cLength, cOffset, (long) cOffset + (long) (rowTo - 1) * ldc + columns - 1);
        if (inner == 0) {
            return;
        }
        if (ldb < columns) {
            throw new IllegalArgumentException("ldb (" + ldb + ") must be >= columns (" + columns + ")");
        }
        requireInside("b", bLength, bOffset, (long) bOffset + (long) (inner - 1) * ldb + columns - 1);
        long lastA;
        if (transA == Transpose.NONE) {
            if (lda < inner) {
                throw new IllegalArgumentException("lda (" + lda + ") must be >= inner (" + inner + ")");
            }
            lastA = (long) aOffset + (long) (rowTo - 1) * lda + inner - 1;
        } else {
            if (lda < rowTo) {
                throw new IllegalArgumentException("lda (" + lda + ") must be >= rowTo (" + rowTo + ") for a transposed A");
            }
            lastA = (long) aOffset + (long) (inner - 1) * lda + rowTo - 1;
        }
        requireInside("a", aLength, aOffset, lastA);
    }

    /** Checks a transpose of rows [rowFrom, rowTo) × columns of src into dst. */
    static void checkTranspose(int rowFrom, int rowTo, int columns, int srcLength, int srcOffset, int lds,
            int dstLength, int dstOffset, int ldd) {
        if (rowFrom < 0 || rowTo < rowFrom) {
            throw new IllegalArgumentException("rows: need 0 <= rowFrom <= rowTo, got [" + rowFrom + ", " + rowTo + ")");
        }
        if (columns < 0) {
            throw new IllegalArgumentException("columns must be >= 0, got " + columns);
        }
        if (rowTo == rowFrom || columns == 0) {
            return;
        }
        if (lds < columns) {
            throw new IllegalArgumentException("lds (" + lds + ") must be >= columns (" + columns + ")");
        }
        if (ldd < rowTo) {
            throw new IllegalArgumentException("ldd (" + ldd + ") must be >= rowTo (" + rowTo + ")");
        }
        requireInside("src", srcLength, srcOffset, (long) srcOffset + (long) (rowTo - 1) * lds + columns - 1);
        requireInside("dst", dstLength, dstOffset, (long) dstOffset + (long) (columns - 1) * ldd + rowTo - 1);
    }

    private static void requireInside(String name, int length, int offset, long last) {
        if (offset < 0 || last >= length) {
            throw new IllegalArgumentException(name + ": the kernel would read or write index " + last
                    + " (offset " + offset + ") of an array of length " + length);
        }
    }
}
