package palsim.core.microcircuit;

import palsim.core.feedback.PhaselessAlignment;
import palsim.core.neuron.Activation;

/**
 * A plain, one-seed transcription of the synapses-first step (microcircuit-classification.md §2,
 * §3, §5) for a layered circuit under FA or PAL, written from the equations with nested loops and
 * named per-population arrays, independently of the lane engine's state layout, buffer swaps and
 * fused kernels. Tests compare the engine against it. The noise is whatever {@link #xiAt} returns,
 * so both sides can be given the same deterministic values.
 */
final class SynapsesFirstReference {
    interface NoiseFunction {
        double value(long refresh, int layer, int neuron);
    }

    private final int N;
    private final int[] n;
    private final Activation[] phi;
    private final double dt;
    private final double gl;
    private final double gb;
    private final double ga;
    private final double gd;
    private final double gsom;
    private final double gt;
    private final double[] etaUp;
    private final double[] etaIp;
    private final double[] etaPi;
    private final double etaB;
    private final double alpha;
    private final double tauHp;
    private final double kW;
    private final boolean staticPi;
    private final NoiseFunction xiAt;
    private long refreshes;

    // neuron state, index [layer][neuron]
    final double[][] V;
    final double[][] vBrev;
    final double[][] r;
    final double[][] rLast;
    final double[][] vB;
    final double[][] hp;
    final double[][] vA;
    final double[][] xi;
    final double[][] VI;
    final double[][] vBrevI;
    final double[][] rI;
    final double[][] rILast;
    final double[][] vD;
    double[] rIn;
    double[] rInLast;
    double[] rSup;
    // synapses, [layer][post][pre]
    final double[][][] W;
    final double[][][] dW;
    final double[][][] WIP;
    final double[][][] dIP;
    final double[][][] WPI;
    final double[][][] dPI;
    final double[][][] B;

    SynapsesFirstReference(MicrocircuitSpec spec, CircuitState initial, NoiseFunction xiAt) {
        SynapsesFirstStepOrder order = (SynapsesFirstStepOrder) spec.stepOrder();
        this.N = spec.pyramidalLayers();
        this.n = spec.layers();
        this.phi = new Activation[N + 2];
        for (int l = 1; l <= N; l++) {
            phi[l] = spec.activation(l);
        }
        this.dt = spec.dt();
        Conductances g = spec.conductances();
        gl = g.leak();
        gb = g.basal();
        ga = g.apical();
        gd = g.dendrite();
        gsom = g.interneuronNudging();
        gt = g.targetNudging();
        etaUp = new double[N + 1];
        for (int l = 1; l <= N; l++) {
            etaUp[l] = spec.forwardLearningRate(l);
        }
        etaIp = new double[N];
        etaPi = new double[N];
        for (int l = 1; l < N; l++) {
            etaIp[l] = spec.pyramidToInterneuronLearningRate(l);
            etaPi[l] = spec.interneuronToPyramidLearningRate(l);
        }
        if (spec.feedbackRule() instanceof PhaselessAlignment pal) {
            etaB = pal.learningRates()[0];
            alpha = pal.decay()[0];
            tauHp = pal.highPassTau();
        } else {
            etaB = 0;
            alpha = 0;
            tauHp = 0;
        }
        kW = dt / order.forwardLowPassTau();
        staticPi = order.staticInterneuronToPyramid();
        this.xiAt = xiAt;

        V = new double[N + 1][];
        vBrev = new double[N + 1][];
        r = new double[N + 1][];
        rLast = new double[N + 1][];
        vB = new double[N + 1][];
        hp = new double[N + 1][];
        vA = new double[N][];
        xi = new double[N][];
        VI = new double[N][];
        vBrevI = new double[N][];
        rI = new double[N][];
        rILast = new double[N][];
        vD = new double[N][];
        W = new double[N + 1][][];
        dW = new double[N + 1][][];
        WIP = new double[N][][];
        dIP = new double[N][][];
        WPI = new double[N][][];
        dPI = new double[N][][];
        B = new double[N][][];
        WeightSnapshot w = initial.weights();
        for (int l = 1; l <= N; l++) {
            V[l] = initial.somaticVoltage(l);
            vBrev[l] = V[l].clone();
            r[l] = new double[n[l]];
            rLast[l] = new double[n[l]];
            vB[l] = new double[n[l]];
            hp[l] = new double[n[l]];
            W[l] = matrix(w.forward(l), n[l], n[l - 1]);
            dW[l] = new double[n[l]][n[l - 1]];
        }
        for (int l = 1; l < N; l++) {
            vA[l] = new double[n[l]];
            xi[l] = new double[n[l]];
            VI[l] = initial.interneuronVoltage(l);
            vBrevI[l] = VI[l].clone();
            rI[l] = new double[n[l + 1]];
            rILast[l] = new double[n[l + 1]];
            vD[l] = new double[n[l + 1]];
            WIP[l] = matrix(w.pyramidToInterneuron(l), n[l + 1], n[l]);
            dIP[l] = new double[n[l + 1]][n[l]];
            WPI[l] = matrix(w.interneuronToPyramid(l), n[l], n[l + 1]);
            dPI[l] = new double[n[l]][n[l + 1]];
            B[l] = matrix(w.feedback(l), n[l], n[l + 1]);
        }
        rIn = new double[n[0]];
        rInLast = new double[n[0]];
        rSup = new double[n[N]];
    }

    void resetPlayers(double[] x, double[] target) {
        rIn = x.clone();
        rInLast = x.clone();
        if (target != null) {
            rSup = target.clone();
        }
    }

    void step(double[] x, double[] target, boolean learning, boolean noise) {
        boolean teaching = target != null;
        // ---- synapse phase: everything from the end of the previous step
        double[][] newVB = new double[N + 1][];
        for (int l = 1; l <= N; l++) {
            double a = l == N ? gb / (gl + gb) : gb / (gl + gb + ga);
            double[] pre = l == 1 ? rIn : r[l - 1];
            double[] preLast = l == 1 ? rInLast : rLast[l - 1];
            newVB[l] = new double[n[l]];
            for (int i = 0; i < n[l]; i++) {
                double err = r[l][i] - phi[l].value(a * vB[l][i]);
                double sum = 0;
                for (int j = 0; j < n[l - 1]; j++) {
                    if (learning) {
                        double increment = dt * etaUp[l] * err * preLast[j];
                        double ddelta = kW * (-dW[l][i][j] + increment);
                        W[l][i][j] += dW[l][i][j];
                        dW[l][i][j] += ddelta;
                    }
                    sum += W[l][i][j] * pre[j];
                }
                newVB[l][i] = sum;
            }
        }
        double[][] newVD = new double[N][];
        double[][] newVA = new double[N][];
        double[][] vDown = new double[N][];
        for (int l = 1; l < N; l++) {
            double ad = gd / (gl + gd);
            newVD[l] = new double[n[l + 1]];
            for (int k = 0; k < n[l + 1]; k++) {
                double err = rI[l][k] - phi[l + 1].value(ad * vD[l][k]);
                double sum = 0;
                for (int j = 0; j < n[l]; j++) {
                    if (learning) {
                        double increment = dt * etaIp[l] * err * rLast[l][j];
                        double pending = dIP[l][k][j];
                        WIP[l][k][j] += pending;
                        dIP[l][k][j] = pending + (-pending + increment);
                    }
                    sum += WIP[l][k][j] * r[l][j];
                }
                newVD[l][k] = sum;
            }
            newVA[l] = new double[n[l]];
            for (int j = 0; j < n[l]; j++) {
                double sum = 0;
                for (int k = 0; k < n[l + 1]; k++) {
                    if (learning && !staticPi) {
                        double increment = dt * etaPi[l] * -vA[l][j] * rILast[l][k];
                        double pending = dPI[l][j][k];
                        WPI[l][j][k] += pending;
                        dPI[l][j][k] = pending + (-pending + increment);
                    }
                    sum += WPI[l][j][k] * rI[l][k];
                }
                for (int k = 0; k < n[l + 1]; k++) {
                    if (learning) {
                        B[l][j][k] += dt * etaB * (xi[l][j] * hp[l + 1][k] - alpha * B[l][j][k]);
                    }
                    sum += B[l][j][k] * r[l + 1][k];
                }
                newVA[l][j] = sum;
            }
            vDown[l] = vBrev[l + 1].clone();
        }
        double[] vT = teaching ? rSup.clone() : new double[n[N]];

        // ---- neuron phase
        for (int l = 1; l <= N; l++) {
            for (int i = 0; i < n[l]; i++) {
                hp[l][i] = hp[l][i] + (r[l][i] - rLast[l][i]) - dt / tauHpOrInfinity() * hp[l][i];
            }
        }
        if (noise) {
            for (int l = 1; l < N; l++) {
                for (int i = 0; i < n[l]; i++) {
                    xi[l][i] = xiAt.value(refreshes, l, i);
                }
            }
            refreshes++;
        }
        for (int l = 1; l < N; l++) {
            vD[l] = newVD[l];
            double total = gl + gd + gsom;
            for (int k = 0; k < n[l + 1]; k++) {
                rILast[l][k] = rI[l][k];
                double vss = (gd * vD[l][k] + gsom * vDown[l][k]) / total;
                double dv = total * (vss - VI[l][k]);
                vBrevI[l][k] = VI[l][k] + (1 / total) * dv;
                VI[l][k] += dt * dv;
                rI[l][k] = phi[l + 1].value(vBrevI[l][k]);
            }
        }
        for (int l = 1; l <= N; l++) {
            vB[l] = newVB[l];
            if (l < N) {
                vA[l] = newVA[l];
            }
            for (int i = 0; i < n[l]; i++) {
                rLast[l][i] = r[l][i];
                double total;
                double vss;
                if (l < N) {
                    total = gl + gb + ga;
                    vss = (gb * vB[l][i] + ga * (vA[l][i] + (noise ? xi[l][i] : 0))) / total;
                } else {
                    total = gl + gb + gt;
                    vss = teaching ? (gb * vB[l][i] + gt * vT[i]) / total : gb * vB[l][i] / (gb + gl);
                }
                double dv = total * (vss - V[l][i]);
                vBrev[l][i] = V[l][i] + (1 / total) * dv;
                V[l][i] += dt * dv;
                r[l][i] = phi[l].value(vBrev[l][i]);
            }
        }
        rInLast = rIn;
        rIn = x.clone();
        if (target != null) {
            rSup = target.clone();
        }
    }

    private double tauHpOrInfinity() {
        return tauHp > 0 ? tauHp : Double.POSITIVE_INFINITY;
    }

    private static double[][] matrix(double[] flat, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, m[i], 0, cols);
        }
        return m;
    }

    static double[] flat(double[][] m) {
        int cols = m[0].length;
        double[] f = new double[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, f, i * cols, cols);
        }
        return f;
    }
}
