/**
 * Allocation-free dense matrix kernels on flat row-major {@code float[]} and {@code double[]}
 * arrays with explicit offsets and leading dimensions: a register-blocked Vector API product
 * C ← α·op(A)·B + β·C with op(A) = A or Aᵀ ({@link palsim.core.linalg.FloatMatrixKernels},
 * {@link palsim.core.linalg.DoubleMatrixKernels}) and the plain loops they are tested against
 * ({@link palsim.core.linalg.ReferenceMatrixKernels}).
 */
package palsim.core.linalg;
