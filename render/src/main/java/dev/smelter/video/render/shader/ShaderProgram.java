package dev.smelter.video.render.shader;

import static org.lwjgl.opengl.GL33C.*;

import java.util.Optional;

/**
 * One linked GLSL program on the shader thread's context, drawn the way Editly's {@code gl} layer
 * draws: a quad (−1,−1)…(1,1) fed to the {@code position} attribute as a triangle fan, uniforms
 * {@code time} and {@code resolution}. Only ever touched on the thread that owns the context.
 */
final class ShaderProgram implements AutoCloseable {
  /** Editly's default vertex shader: the quad's corners as they are. */
  static final String DEFAULT_VERTEX = """
      attribute vec2 position;
      void main(void) {
        gl_Position = vec4(position, 0.0, 1.0);
      }
      """;

  private final int program;
  private final int time;
  private final int resolution;
  private final int position;

  private ShaderProgram(int program) {
    this.program = program;
    this.time = glGetUniformLocation(program, "time");
    this.resolution = glGetUniformLocation(program, "resolution");
    this.position = glGetAttribLocation(program, "position");
  }

  static ShaderProgram compile(String fragment, Optional<String> vertex) throws ShaderException {
    int vs = compileStage(GL_VERTEX_SHADER, vertex.orElse(DEFAULT_VERTEX), "vertex");
    int fs;
    try {
      fs = compileStage(GL_FRAGMENT_SHADER, fragment, "fragment");
    } catch (ShaderException e) {
      glDeleteShader(vs);
      throw e;
    }
    int program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    if (glGetProgrami(program, GL_LINK_STATUS) == GL_FALSE) {
      String log = glGetProgramInfoLog(program).strip();
      glDeleteProgram(program);
      throw new ShaderException("GLSL program does not link: " + log);
    }
    return new ShaderProgram(program);
  }

  /**
   * WebGL 1 shaders carry no {@code #version}; a desktop context reads them as GLSL ES 1.00 only
   * when told so.
   */
  static String asGlslEs100(String source) {
    return source.stripLeading().startsWith("#version") ? source : "#version 100\n#line 1\n" + source;
  }

  private static int compileStage(int type, String source, String stage) throws ShaderException {
    int shader = glCreateShader(type);
    glShaderSource(shader, asGlslEs100(source));
    glCompileShader(shader);
    if (glGetShaderi(shader, GL_COMPILE_STATUS) == GL_FALSE) {
      String log = glGetShaderInfoLog(shader).strip();
      glDeleteShader(shader);
      throw new ShaderException("GLSL " + stage + " shader does not compile: " + log);
    }
    return shader;
  }

  /** Draws into the bound framebuffer ({@code width × height}) with the quad in {@code quad}. */
  void draw(Quad quad, double timeValue, int width, int height) {
    glUseProgram(program);
    if (time >= 0) glUniform1f(time, (float) timeValue);
    if (resolution >= 0) glUniform2f(resolution, width, height);
    if (position >= 0) quad.bindTo(position);
    glDrawArrays(GL_TRIANGLE_FAN, 0, 4);
    glUseProgram(0);
  }

  @Override
  public void close() {
    glDeleteProgram(program);
  }

  /** The four corners of the full-screen quad in a vertex buffer, with the vertex array core GL needs. */
  static final class Quad implements AutoCloseable {
    private final int vertexArray = glGenVertexArrays();
    private final int buffer = glGenBuffers();

    Quad() {
      glBindVertexArray(vertexArray);
      glBindBuffer(GL_ARRAY_BUFFER, buffer);
      glBufferData(GL_ARRAY_BUFFER, new float[] {-1, -1, 1, -1, 1, 1, -1, 1}, GL_STATIC_DRAW);
    }

    void bindTo(int attribute) {
      glBindVertexArray(vertexArray);
      glBindBuffer(GL_ARRAY_BUFFER, buffer);
      glEnableVertexAttribArray(attribute);
      glVertexAttribPointer(attribute, 2, GL_FLOAT, false, 0, 0L);
    }

    @Override
    public void close() {
      glDeleteBuffers(buffer);
      glDeleteVertexArrays(vertexArray);
    }
  }
}
