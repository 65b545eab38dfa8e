namespace Course.Notebooks.Tests.Fixtures;

/// <summary>A two-day course on disk (day 1 complete, day 2 only a lesson, days 3–4 coming) for site tests.</summary>
public static class FixtureCourse
{
    public static string Create()
    {
        var root = FixtureNotebooks.TempFolder();
        Write(root, "curriculum/course.json", """
        {
          "title": {"ja": "テスト講座", "en": "Test course"},
          "version": "test",
          "grading": {"publicShare": 0.3, "hiddenShare": 0.7, "dayTimeoutSeconds": 60, "testTimeoutSeconds": 10, "memoryLimitMb": 1024},
          "days": [
            {"day": 1, "slug": "alpha", "folder": "curriculum/day01-alpha", "title": {"ja": "一日目", "en": "Day one"}, "available": true, "project": "Day01",
             "exercises": [{"id": "1.1", "title": "Gates", "points": 40}, {"id": "1.2", "title": "Softmax", "points": 60}]},
            {"day": 2, "slug": "beta", "folder": "curriculum/day02-beta", "title": {"ja": "二日目", "en": "Day two"}, "available": true, "project": "Day02", "exercises": []},
            {"day": 3, "slug": "gamma", "folder": "curriculum/day03-gamma", "title": {"ja": "三日目", "en": "Day three"}, "available": false},
            {"day": 4, "slug": "delta", "folder": "curriculum/day04-delta", "title": {"ja": "四日目", "en": "Day four"}, "available": false}
          ]
        }
        """);
        Write(root, "curriculum/glossary.md", """
        # 用語集

        | 日本語 | English |
        | --- | --- |
        | <a id="softmax-function"></a>ソフトマックス関数 | softmax function |
        """);
        Write(root, "curriculum/day01-alpha/lesson.md", """
        # 一日目: ソフトマックス

        [ソフトマックス](../glossary.md#softmax-function) は $y_k = \exp(a_k) / \sum_i \exp(a_i)$ です。

        $$
        L = -\sum_k t_k \log y_k
        $$

        | a | b |
        | - | - |
        | 1 | 2 |

        - [x] 読んだ
        - [ ] 解いた

        ```csharp
        // 安定なソフトマックス
        var m = a.Max();
        return "done";
        ```

        See the [quiz](quiz.md), the [notebook](notebook.ipynb), the [figure](assets/figure.svg),
        [day two](../day02-beta/lesson.md) and the stub [Activations.cs](../../exercises/Day01/Activations.cs).
        """);
        Write(root, "curriculum/day01-alpha/assets/figure.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Write(root, "curriculum/day01-alpha/quiz.md", """
        # Day 1 クイズ

        ## D1-Q1 · 計算 · 003 L124–150

        ソフトマックスの出力の和は？

        > EN: What do softmax outputs sum to?

        - [ ] A. 0
        - [x] B. 1
        - [ ] C. e
        - [ ] D. 入力による

        **解説**: 確率分布なので和は 1。

        ## D1-Q2 · 知識 · 003 L1–2

        壊れた問題。

        > EN: A broken question.

        - [x] A. one
        - [x] B. two
        - [ ] C. three

        **解説**: 選択肢が足りない。
        """);
        Write(root, "curriculum/day01-alpha/notebook.ipynb", FixtureNotebooks.Working);
        Write(root, "curriculum/day02-beta/lesson.md", "# 二日目\n\n[戻る / back](../day01-alpha/lesson.md#一日目-ソフトマックス)\n");
        return root;
    }

    private static void Write(string root, string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
