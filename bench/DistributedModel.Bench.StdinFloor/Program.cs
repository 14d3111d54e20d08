// Reads stdin to the end, as a hook does, and exits 0: nothing else.
using var stdin = Console.OpenStandardInput();
var buffer = new byte[1 << 16];
long total = 0;
int read;
while ((read = stdin.Read(buffer)) > 0) total += read;
return total >= 0 ? 0 : 1;
