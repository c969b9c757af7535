// Runs the Lite folder in Pyodide under Node: unpacks the wheels into site-packages (micropip
// is not in the npm package and would fetch from the CDN), imports main.py, calls =ITA_RATING
// and the ita_generate script on a JSON book. Used by tests/test_pyodide.py (opt-in).
import { pathToFileURL } from "url";
const { loadPyodide } = await import(pathToFileURL(process.env.PYODIDE_MODULE).href);
import { readFileSync, readdirSync } from "fs";
const [,, wheelDir, mainPy, bookJson] = process.argv;
const py = await loadPyodide();
const site = py.runPython("import site; site.getsitepackages()[0]");
for (const name of readdirSync(wheelDir).filter(n => n.endsWith(".whl"))) {
  py.FS.writeFile(`/tmp/${name}`, readFileSync(`${wheelDir}/${name}`));
  py.runPython(`import zipfile; zipfile.ZipFile("/tmp/${name}").extractall("${site}")`);
}
py.FS.writeFile("/tmp/main.py", readFileSync(mainPy));
py.FS.writeFile("/tmp/book.json", readFileSync(bookJson));
const out = await py.runPythonAsync(`
import os, sys, json, asyncio
os.environ["XLWINGS_ON_SERVER"] = "true"
os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"
import importlib.util
import xlwings as xw
from xlwings import server
spec = importlib.util.spec_from_file_location("main", "/tmp/main.py")
main = importlib.util.module_from_spec(spec); spec.loader.exec_module(main)
data = {"func_name": "ITA_RATING", "args": [[[96.35]], [[99.73, 99.74, 83.10, 97.50]], [[2568]], [[None]]],
        "version": xw.__version__, "client": "Office.js", "runtime": "1.4"}
rating = await server.custom_functions_call(data, main)
book = xw.Book(json=json.load(open("/tmp/book.json", encoding="utf-8")))
await server.custom_scripts_call(main, "ita_generate", typehint_to_value={xw.Book: book})
funcs = [a["func"] for a in book.json()["actions"]]
json.dumps({"python": sys.version.split()[0], "rating": rating, "sheets": funcs.count("addSheet"),
            "numpy_or_pandas": sorted(m for m in sys.modules if m.split(".")[0] in ("numpy", "pandas"))}, ensure_ascii=False)
`);
console.log(out);
