namespace Captions.Renderer.OpenGL.Rendering;

/// <summary>
/// GLSL 3.30 core shaders for <see cref="QuadRenderer"/>: one instance per DrawQuad, a 4-vertex strip each.
/// Glyph coverage is fetched 1:1 with texelFetch (no filtering, no resampling); colours are decoded from sRGB to
/// linear per vertex and the sRGB framebuffer encodes the blended result, which is DrawQuad's documented blend:
/// out = srgb(linear(dst) * (1 - a) + linear(color) * a), a = coverage * A.
/// </summary>
internal static class QuadShaders
{
    public const string Vertex = """
        #version 330 core
        layout(location = 0) in ivec4 aRect;
        layout(location = 1) in ivec2 aAtlas;
        layout(location = 2) in vec4 aColor;
        layout(location = 3) in uint aKind;
        uniform vec2 uEyeSize;
        uniform ivec2 uOffset;
        // +1: row 0 lands at the bottom of the framebuffer, so glReadPixels returns rows top-first (headless).
        // -1: row 0 at the top of a window.
        uniform float uFlipY;
        out vec2 vLocal;
        flat out ivec2 vAtlas;
        flat out vec4 vColor;
        flat out uint vKind;
        vec3 toLinear(vec3 c)
        {
            return mix(c / 12.92, pow((c + 0.055) / 1.055, vec3(2.4)), step(vec3(0.04045), c));
        }
        void main()
        {
            vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
            vec2 local = corner * vec2(aRect.zw);
            vec2 pixel = vec2(aRect.xy + uOffset) + local;
            vec2 ndc = pixel / uEyeSize * 2.0 - 1.0;
            gl_Position = vec4(ndc.x, ndc.y * uFlipY, 0.0, 1.0);
            vLocal = local;
            vAtlas = aAtlas;
            // Decoded once per vertex, not per fragment: pow() per pixel is llvmpipe's biggest cost here.
            vColor = vec4(toLinear(aColor.rgb), aColor.a);
            vKind = aKind;
        }
        """;

    public const string Fragment = """
        #version 330 core
        in vec2 vLocal;
        flat in ivec2 vAtlas;
        flat in vec4 vColor;
        flat in uint vKind;
        uniform sampler2D uAtlas;
        uniform int uHasAtlas;
        layout(location = 0) out vec4 fragColor;
        void main()
        {
            float coverage = 1.0;
            if (vKind == 0u)
            {
                // vLocal is i + 0.5 at pixel centres: floor gives the texel for a 1:1 copy.
                coverage = uHasAtlas != 0 ? texelFetch(uAtlas, vAtlas + ivec2(floor(vLocal)), 0).r : 0.0;
            }
            fragColor = vec4(vColor.rgb, coverage * vColor.a);
        }
        """;
}
