import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Trims the white rows below a screenshot's content: java Trim.java IN.png OUT.png */
public class Trim {
  public static void main(String[] args) throws Exception {
    BufferedImage image = ImageIO.read(new File(args[0]));
    int last = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          last = y;
          break;
        }
      }
    }
    ImageIO.write(image.getSubimage(0, 0, image.getWidth(), Math.min(image.getHeight(), last + 24)), "png",
        new File(args[1]));
  }
}
