package palsim.core.le;

/**
 * A piece of one step's work that can be cut into row ranges: {@link #bind} turns the range
 * [rowFrom, rowTo) into a runnable once, when a network is built, so a step allocates nothing.
 */
@FunctionalInterface
interface RowWork {
    Runnable bind(int rowFrom, int rowTo);
}
