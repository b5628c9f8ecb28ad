package palsim.app.data;

/**
 * Provenance of one data file that was read: where it came from, its size as stored and the
 * SHA-256 of its stored bytes (of the compressed bytes for a gzip file), so a run directory can
 * record exactly which data it saw.
 *
 * @param source the path as given, or {@code "bundled:<resource>"} for a classpath resource
 * @param storedBytes number of bytes read from the file (compressed size for gzip)
 * @param sha256 lower-case hex SHA-256 of those bytes
 */
public record DataFile(String source, long storedBytes, String sha256) {}
