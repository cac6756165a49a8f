/** Hands the browser a file to save, as if it had been downloaded from a link. */
export function saveFile(filename: string, text: string) {
  // A byte order mark, so a spreadsheet reads names with accents as they were written.
  const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url));
}
