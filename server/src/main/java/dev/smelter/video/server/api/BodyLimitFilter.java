package dev.smelter.video.server.api;

import dev.smelter.video.server.ServiceProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON bodies over {@code smelter.limits.body} (50 MB, the legacy limit) are refused with 413: by
 * their {@code Content-Length}, or — for a chunked body, which announces no length — by reading at
 * most the limit into memory first and handing that copy on.
 */
@Component
class BodyLimitFilter extends OncePerRequestFilter {
  private final long limit;

  BodyLimitFilter(ServiceProperties props) {
    this.limit = props.limits().body().toBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
    long length = req.getContentLengthLong();
    if (length > limit) {
      tooLarge(res);
      return;
    }
    if (length < 0 && isChunked(req)) {
      byte[] body = req.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (body.length > limit) {
        tooLarge(res);
        return;
      }
      chain.doFilter(new BufferedBody(req, body), res);
      return;
    }
    chain.doFilter(req, res);
  }

  private static boolean isChunked(HttpServletRequest req) {
    String te = req.getHeader("Transfer-Encoding");
    return te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked");
  }

  private void tooLarge(HttpServletResponse res) throws IOException {
    res.setStatus(413);
    res.setContentType("application/json");
    res.getWriter().write("{\"error\":\"Request body too large\",\"details\":\"limit " + limit + " bytes\"}");
  }

  /** The request with its body already read (within the limit). */
  private static final class BufferedBody extends jakarta.servlet.http.HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest req, byte[] body) {
      super(req);
      this.body = body;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public jakarta.servlet.ServletInputStream getInputStream() {
      java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
      return new jakarta.servlet.ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(jakarta.servlet.ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      String enc = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(enc)));
    }
  }
}
