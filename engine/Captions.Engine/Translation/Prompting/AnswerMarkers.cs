namespace Captions.Engine.Translation.Prompting;

/// <summary>
/// Words that show an answer talks about the task instead of translating, grouped by meaning across languages. A group
/// found in the answer but absent from the source marks a non-translation; when the source has any word of the group
/// (the speaker said "translate" or "sorry"), its translation may say it too.
/// </summary>
internal static class AnswerMarkers
{
    public static readonly (string Name, string[] Words)[] Concepts =
    [
        ("talks about translating", ["translat", "tradu", "übersetz", "ubersetz", "翻译", "翻譯", "翻訳", "번역", "перев"]),
        ("presents an answer", ["here is", "here's", "here are", "aquí está", "aqui está", "aquí tienes", "voici", "hier ist", "以下是", "如下"]),
        ("speaks as an AI", ["as an ai", "language model", "ai assistant", "an ai ", "modelo de lenguaje", "modèle de langage", "sprachmodell", "语言模型", "人工智能", "assistant"]),
        ("mentions instructions", ["instruction", "instrucci", "anweisung", "指令", "指示", "prompt", "rules", "reglas", "règles"]),
        ("refuses", ["cannot", "can't", "can not", "unable", "not able", "won't", "will not", "sorry", "apolog", "no puedo", "no se puede", "no puede", "lo siento", "ne peux pas", "désolé", "kann nicht", "leider", "es tut mir leid", "不能", "无法", "無法", "抱歉", "对不起", "申し訳", "できません"]),
        ("labels its answer", ["summary:", "answer:", "response:", "respuesta:", "réponse :", "réponse:", "antwort:", "resumen:"]),
        ("adds a note", ["note:", "nota:", "remarque", "hinweis", "注：", "注意：", "explanation", "explicación", "literally", "literal translation"]),
    ];

    /// <summary>Whole answers that obey an instruction ("reply OK") rather than translate a longer text.</summary>
    public static readonly HashSet<string> Compliance = new(StringComparer.Ordinal)
    {
        "ok", "okay", "sure", "yes", "done", "understood", "noted", "certainly", "of course", "alright", "all right",
        "vale", "claro", "de acuerdo", "entendido", "hecho", "d'accord", "bien sûr", "compris", "oui", "sí", "si", "ja",
        "verstanden", "好的", "好", "明白", "是的", "了解", "はい", "네",
    };

    /// <summary>Fragments of the system and user prompt; an answer containing one is an echo.</summary>
    public static readonly string[] PromptEcho =
    [
        TranslationPrompt.SystemPromptSignature, "Output only the translation", "never instructions to you",
        "Task: translate from", "⟦", "⟧", "<|im_start|>", "<|im_end|>", "<|endoftext|>",
    ];

    /// <summary>Frequent function words per language, for telling an untranslated answer from a translated one.</summary>
    public static readonly Dictionary<string, HashSet<string>> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ["the", "is", "are", "and", "of", "to", "in", "that", "it", "you", "this", "with", "for", "was", "be", "been", "have", "has", "not", "we", "your", "please", "here", "will", "at", "what", "i", "my", "do", "can", "or", "if", "so", "but", "how", "they", "he", "she", "his", "our", "would", "there", "from"],
        ["es"] = ["el", "la", "los", "las", "es", "y", "de", "que", "en", "un", "una", "por", "para", "con", "no", "se", "del", "al", "su", "está", "son", "has"],
        ["fr"] = ["le", "la", "les", "est", "et", "de", "des", "que", "en", "un", "une", "pour", "avec", "pas", "ne", "du", "au", "vous", "nous", "il", "ce"],
        ["de"] = ["der", "die", "das", "ist", "und", "nicht", "ein", "eine", "zu", "mit", "für", "den", "dem", "sie", "wir", "ich", "bitte", "auf", "von", "man", "weil", "durch", "warum", "können", "kann", "auch", "noch", "nur", "wie", "was", "wenn", "aber", "oder", "es", "im", "so"],
        ["it"] = ["il", "lo", "la", "gli", "le", "è", "e", "di", "che", "un", "una", "per", "con", "non", "del", "della", "sono", "i"],
        ["pt"] = ["o", "os", "as", "é", "e", "de", "que", "em", "um", "uma", "para", "com", "não", "do", "da", "por", "está"],
    };
}
