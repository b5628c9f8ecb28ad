package palsim.core.linalg;

/**
 * How a matrix-multiply kernel reads its left operand A: as stored, or transposed.
 *
 * <p>With A stored row-major with leading dimension {@code lda}, the element op(A)[i, p] is
 * {@code a[aOffset + i·lda + p]} for {@link #NONE} and {@code a[aOffset + p·lda + i]} for
 * {@link #TRANSPOSED}. Reading Aᵀ this way costs no copy: LE networks hand errors down through
 * W_kᵀ straight from the stored W_k.
 */
public enum Transpose {
    /** op(A) = A. */
    NONE,
    /** op(A) = Aᵀ. */
    TRANSPOSED;

    /** Distance in {@code a} between op(A)[i, p] and op(A)[i + 1, p]. */
    int rowStride(int lda) {
        return this == NONE ? lda : 1;
    }

    /** Distance in {@code a} between op(A)[i, p] and op(A)[i, p + 1]. */
    int innerStride(int lda) {
        return this == NONE ? 1 : lda;
    }
}
