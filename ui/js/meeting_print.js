// 打印: the printouts of a meeting (filled in when the notice loaders land).
export async function renderPrint() {}
