package dev.tessel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy's {@code .npz} archives: a zip of {@code .npy} files, one per named
 * array. {@link Nd#loadz} and {@link Nd#savez} delegate here.
 *
 * <p>Writing stores entries uncompressed, as {@code np.savez} does; reading accepts stored and
 * deflated entries (so {@code np.savez_compressed} files too) and keeps the archive's order.
 *
 * <p>An archive is refused as a whole, before any array is read, when an entry name does not
 * end in {@code .npy}, is not a plain relative name ({@code ..} or {@code .} segments, a
 * leading {@code /}, empty segments, backslashes, drive letters, NUL), or repeats another
 * entry's name. Tessel never writes entry names to the file system, but such names are not
 * what {@code np.savez} writes and would confuse any tool that unpacks the archive.
 */
final class Npz {
    private Npz() {
    }

    static Map<String, NdArray> load(Path path) throws IOException {
        String source = path.toString();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            Map<String, ZipEntry> byKey = new LinkedHashMap<>();
            for (ZipEntry e : entries) {
                String key = keyOf(e.getName(), source);
                if (byKey.putIfAbsent(key, e) != null) {
                    throw new NpyFormatException(source + ": duplicate entry '" + e.getName() + "' in the archive");
                }
            }
            Map<String, NdArray> out = new LinkedHashMap<>();
            for (Map.Entry<String, ZipEntry> k : byKey.entrySet()) {
                ZipEntry e = k.getValue();
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(k.getKey(), Npy.read(in, source + " entry '" + e.getName() + "'", e.getSize()));
                }
            }
            return Collections.unmodifiableMap(out);
        } catch (ZipException e) {
            throw new NpyFormatException(source + ": not a readable .npz (zip) archive: " + e.getMessage());
        }
    }

    static void save(Path path, Map<String, NdArray> arrays) throws IOException {
        for (String key : arrays.keySet()) {
            String problem = key == null ? "a null key" : nameProblem(key);
            if (problem != null) {
                throw new IllegalArgumentException("cannot save array under key " + (key == null ? "null" : "'" + key + "'")
                        + " in " + path + ": " + problem);
            }
        }
        AtomicFileWrite.write(path, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, NdArray> k : arrays.entrySet()) {
                writeEntry(zip, k.getKey() + ".npy", Npy.encode(k.getValue()));
            }
            zip.finish();
        });
    }

    private static void writeEntry(ZipOutputStream zip, String name, Npy.Encoded npy) throws IOException {
        // A stored entry needs its size and CRC up front; computing the CRC is a second pass
        // over memory, cheaper than buffering the whole file.
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(npy.size());
        e.setCompressedSize(npy.size());
        e.setCrc(npy.crc());
        zip.putNextEntry(e);
        npy.writeTo(zip);
        zip.closeEntry();
    }

    private static String keyOf(String entryName, String source) throws NpyFormatException {
        if (!entryName.endsWith(".npy")) {
            throw new NpyFormatException(source + ": entry '" + entryName + "' does not end in .npy");
        }
        String key = entryName.substring(0, entryName.length() - 4);
        String problem = nameProblem(key);
        if (problem != null) {
            throw new NpyFormatException(source + ": entry '" + entryName + "' is refused: " + problem);
        }
        return key;
    }

    /** Why {@code key} is not a plain relative name, or null when it is. */
    private static String nameProblem(String key) {
        if (key.isEmpty()) {
            return "the name is empty";
        }
        if (key.indexOf('\\') >= 0 || key.indexOf('\0') >= 0) {
            return "it contains a backslash or NUL";
        }
        if (key.startsWith("/") || key.length() > 1 && key.charAt(1) == ':') {
            return "it is an absolute path";
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return "it contains a '" + segment + "' path segment (path traversal)";
            }
            if (segment.isEmpty()) {
                return "it contains an empty path segment";
            }
        }
        return null;
    }
}
