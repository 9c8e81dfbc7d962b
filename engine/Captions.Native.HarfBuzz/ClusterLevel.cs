namespace Captions.Native.HarfBuzz;

/// <summary>hb_buffer_cluster_level_t.</summary>
public enum ClusterLevel
{
    MonotoneGraphemes = 0,
    MonotoneCharacters = 1,
    Characters = 2,
}
