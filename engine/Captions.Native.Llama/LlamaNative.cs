using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Captions.Native.Llama;

/// <summary>
/// P/Invoke declarations for libllama / libggml of node-llama-cpp's llama.cpp release v0.5.0. Signatures are checked
/// against that release's include/llama.h and ggml/include/ggml-backend.h (in node-llama-cpp 3.22.1's
/// llama/gitRelease.bundle). C <c>bool</c> is one byte: marshalled as <see cref="byte"/> to keep every call blittable.
/// </summary>
internal static unsafe partial class LlamaNative
{
    public const string Llama = "llama";
    public const string Ggml = "ggml";

    [LibraryImport(Ggml, EntryPoint = "ggml_backend_load_all_from_path", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void GgmlBackendLoadAllFromPath(string directory);

    [LibraryImport(Ggml, EntryPoint = "ggml_backend_dev_count")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nuint GgmlBackendDevCount();

    [LibraryImport(Llama, EntryPoint = "llama_backend_init")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void BackendInit();

    [LibraryImport(Llama, EntryPoint = "llama_log_set")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void LogSet(delegate* unmanaged[Cdecl]<int, byte*, void*, void> callback, void* userData);

    [LibraryImport(Llama, EntryPoint = "llama_model_default_params")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial LlamaModelParams ModelDefaultParams();

    [LibraryImport(Llama, EntryPoint = "llama_context_default_params")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial LlamaContextParams ContextDefaultParams();

    [LibraryImport(Llama, EntryPoint = "llama_model_load_from_file", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint ModelLoadFromFile(string path, LlamaModelParams parameters);

    [LibraryImport(Llama, EntryPoint = "llama_model_free")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void ModelFree(nint model);

    [LibraryImport(Llama, EntryPoint = "llama_init_from_model")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint InitFromModel(nint model, LlamaContextParams parameters);

    [LibraryImport(Llama, EntryPoint = "llama_free")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void Free(nint context);

    [LibraryImport(Llama, EntryPoint = "llama_n_ctx")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial uint NCtx(nint context);

    [LibraryImport(Llama, EntryPoint = "llama_n_batch")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial uint NBatch(nint context);

    [LibraryImport(Llama, EntryPoint = "llama_get_memory")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint GetMemory(nint context);

    [LibraryImport(Llama, EntryPoint = "llama_memory_clear")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void MemoryClear(nint memory, byte data);

    [LibraryImport(Llama, EntryPoint = "llama_memory_seq_rm")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial byte MemorySeqRm(nint memory, int seqId, int p0, int p1);

    [LibraryImport(Llama, EntryPoint = "llama_model_get_vocab")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint ModelGetVocab(nint model);

    [LibraryImport(Llama, EntryPoint = "llama_model_chat_template")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial byte* ModelChatTemplate(nint model, byte* name);

    [LibraryImport(Llama, EntryPoint = "llama_model_n_embd")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int ModelNEmbd(nint model);

    [LibraryImport(Llama, EntryPoint = "llama_vocab_n_tokens")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int VocabNTokens(nint vocab);

    [LibraryImport(Llama, EntryPoint = "llama_vocab_is_eog")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial byte VocabIsEog(nint vocab, int token);

    [LibraryImport(Llama, EntryPoint = "llama_vocab_bos")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int VocabBos(nint vocab);

    [LibraryImport(Llama, EntryPoint = "llama_vocab_eos")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int VocabEos(nint vocab);

    [LibraryImport(Llama, EntryPoint = "llama_tokenize")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Tokenize(
        nint vocab, byte* text, int textLength, int* tokens, int maxTokens, byte addSpecial, byte parseSpecial);

    [LibraryImport(Llama, EntryPoint = "llama_token_to_piece")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int TokenToPiece(nint vocab, int token, byte* buffer, int length, int lstrip, byte special);

    [LibraryImport(Llama, EntryPoint = "llama_detokenize")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Detokenize(
        nint vocab, int* tokens, int tokenCount, byte* text, int maxLength, byte removeSpecial, byte unparseSpecial);

    [LibraryImport(Llama, EntryPoint = "llama_chat_apply_template")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int ChatApplyTemplate(
        byte* template, LlamaChatMessageNative* messages, nuint messageCount, byte addAssistant, byte* buffer, int length);

    [LibraryImport(Llama, EntryPoint = "llama_batch_get_one")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial LlamaBatch BatchGetOne(int* tokens, int tokenCount);

    [LibraryImport(Llama, EntryPoint = "llama_decode")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Decode(nint context, LlamaBatch batch);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_chain_init")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint SamplerChainInit(LlamaSamplerChainParams parameters);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_chain_add")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void SamplerChainAdd(nint chain, nint sampler);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_init_greedy")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint SamplerInitGreedy();

    [LibraryImport(Llama, EntryPoint = "llama_sampler_init_dist")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint SamplerInitDist(uint seed);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_init_top_k")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint SamplerInitTopK(int k);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_init_top_p")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint SamplerInitTopP(float p, nuint minKeep);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_init_temp")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint SamplerInitTemp(float temperature);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_sample")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int SamplerSample(nint sampler, nint context, int index);

    [LibraryImport(Llama, EntryPoint = "llama_sampler_free")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial void SamplerFree(nint sampler);
}
