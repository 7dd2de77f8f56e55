package sessionlab.app.shell;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF written with javax.imageio, looping forever. After the first frame each frame is only the
 * rectangle that changed, drawn over the last (disposal "doNotDispose"): a window where little moves stays small.
 */
final class GifRecorder implements AutoCloseable {
    private final ImageOutputStream out;
    private final ImageWriter writer;
    private BufferedImage last;
    private int frames;

    GifRecorder(Path file) throws IOException {
        java.nio.file.Files.deleteIfExists(file);
        out = ImageIO.createImageOutputStream(file.toFile());
        writer = ImageIO.getImageWritersBySuffix("gif").next();
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
    }

    int frames() {
        return frames;
    }

    /** Adds {@code image}, shown for {@code delayMs}; a frame identical to the last is written as one unchanged pixel. */
    void add(BufferedImage image, int delayMs) throws IOException {
        int x0 = 0, y0 = 0, x1 = image.getWidth(), y1 = image.getHeight();
        if (last != null) {
            x0 = image.getWidth();
            y0 = image.getHeight();
            x1 = 0;
            y1 = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if (image.getRGB(x, y) != last.getRGB(x, y)) {
                        x0 = Math.min(x0, x);
                        y0 = Math.min(y0, y);
                        x1 = Math.max(x1, x + 1);
                        y1 = Math.max(y1, y + 1);
                    }
                }
            }
            if (x1 <= x0) { // nothing changed: one pixel, so the delay still counts
                x0 = 0;
                y0 = 0;
                x1 = 1;
                y1 = 1;
            }
        }
        BufferedImage part = new BufferedImage(x1 - x0, y1 - y0, BufferedImage.TYPE_INT_RGB);
        part.getGraphics().drawImage(image.getSubimage(x0, y0, x1 - x0, y1 - y0), 0, 0, null);
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(part), param);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(x0));
        descriptor.setAttribute("imageTopPosition", Integer.toString(y0));
        descriptor.setAttribute("imageWidth", Integer.toString(x1 - x0));
        descriptor.setAttribute("imageHeight", Integer.toString(y1 - y0));
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.max(2, delayMs / 10)));
        control.setAttribute("transparentColorIndex", "0");
        if (frames == 0) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(loop);
        }
        meta.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(part, null, meta), param);
        last = image;
        frames++;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    @Override
    public void close() throws IOException {
        writer.endWriteSequence();
        out.close();
        writer.dispose();
    }
}
