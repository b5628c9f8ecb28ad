package palsim.app.data;

/**
 * Images read from an IDX file ({@code idx3-ubyte}): {@code count} images of
 * {@code rows × columns} pixels, each pixel byte divided by 255 to lie in [0, 1], stored
 * row-major per image and image after image.
 *
 * @param count number of images
 * @param rows pixel rows per image
 * @param columns pixel columns per image
 * @param pixels {@code count × rows × columns} values in [0, 1]
 * @param file where they came from
 */
public record IdxImages(int count, int rows, int columns, float[] pixels, DataFile file) {

    /** Pixels per image, {@code rows × columns}. */
    public int pixelsPerImage() {
        return rows * columns;
    }
}
