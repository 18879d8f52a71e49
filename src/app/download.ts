/** Saves text as a file on the user's computer (nothing leaves the browser). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "xep-hang-thanh-pho-mau-2026-11-24.csv": a file name from a title, without accents or spaces. */
export function fileNameFor(prefix: string, title: string, extension: string, date = new Date()): string {
  const slug = `${prefix}-${title}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug}-${date.toISOString().slice(0, 10)}.${extension}`;
}
