namespace Captions.Renderer.OpenGL.Rendering;

/// <summary>Compiles and links a vertex + fragment shader pair, reporting the driver's log on failure.</summary>
internal static class ShaderProgram
{
    public static uint Link(GL gl, string vertexSource, string fragmentSource)
    {
        uint vertex = Compile(gl, GLEnum.VertexShader, vertexSource);
        uint fragment = Compile(gl, GLEnum.FragmentShader, fragmentSource);
        uint program = gl.CreateProgram();
        gl.AttachShader(program, vertex);
        gl.AttachShader(program, fragment);
        gl.LinkProgram(program);
        gl.DeleteShader(vertex);
        gl.DeleteShader(fragment);
        if (gl.GetProgram(program, GLEnum.LinkStatus) == 0)
        {
            string log = gl.GetProgramInfoLog(program);
            gl.DeleteProgram(program);
            throw new GLException($"linking the quad shader program failed: {log}");
        }

        return program;
    }

    private static uint Compile(GL gl, GLEnum type, string source)
    {
        uint shader = gl.CreateShader(type);
        gl.ShaderSource(shader, source);
        gl.CompileShader(shader);
        if (gl.GetShader(shader, GLEnum.CompileStatus) == 0)
        {
            string log = gl.GetShaderInfoLog(shader);
            gl.DeleteShader(shader);
            throw new GLException($"compiling the {type} failed: {log}");
        }

        return shader;
    }
}
