using Ingest.Core.Parsing;

namespace Ingest.Core.Tests.Parsing;

public sealed class WhiteSpaceTests
{
    [Fact]
    public void Count_AnyText_IsHowManyCharactersAreWhiteSpace()
    {
        // Every white-space character, among letters, symbols and a few non-ASCII characters, in random texts.
        var whiteSpace = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray();
        char[] others = ['a', 'Z', '7', '{', '│', 'é', '中', '\u200B', '\uFEFF'];
        var random = new Random(12);
        for (var round = 0; round < 5_000; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 80)).Select(_ => random.Next(3) == 0 ? whiteSpace[random.Next(whiteSpace.Length)] : others[random.Next(others.Length)])]);

            Assert.Equal(text.Count(char.IsWhiteSpace), WhiteSpace.Count(text));
        }
    }
}
