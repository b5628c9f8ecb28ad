package palsim.app.experiment.microcircuit;

/**
 * When a weight took the teacher's sign for good: the first epoch at whose end it agrees with the
 * teacher and keeps agreeing at every later epoch end (the {@code sign_flip_epoch} of task
 * {@code fw_bw}).
 */
final class SignFlips {
    private SignFlips() {}

    /**
     * @param agrees {@code agrees[e]}: whether the weight had the teacher's sign at the end of epoch e
     *     (0 = after settling)
     * @return the first e with {@code agrees[e..]} all true; null if the last entry is false (or
     *     there is none)
     */
    static Integer lastingAgreementEpoch(boolean[] agrees) {
        int e = agrees.length;
        while (e > 0 && agrees[e - 1]) {
            e--;
        }
        return e == agrees.length ? null : e;
    }

    /**
     * Whether a student matrix points the teacher's way: tr(Aᵀ T) = Σ_ij A_ij T_ij &gt; 0, i.e.
     * ∠(A, T) &lt; 90°; for 1×1 matrices, whether the signs agree.
     */
    static boolean agrees(double[] student, double[] teacher) {
        double dot = 0;
        for (int i = 0; i < student.length; i++) {
            dot += student[i] * teacher[i];
        }
        return dot > 0;
    }

    /** The transpose of a {@code rows × cols} row-major matrix. */
    static double[] transpose(double[] m, int rows, int cols) {
        double[] t = new double[m.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = m[i * cols + j];
            }
        }
        return t;
    }
}
