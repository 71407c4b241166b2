#!/usr/bin/python3
"""QGIS reference renderer for bench/render_vs_qgis.sh (bench only, not a build dependency).

Renders every layer of an Anzhi GeoPackage with QGIS's map renderer, the way a QGIS user
would see the project, and times the render only (the layers are opened and styled before the
clock starts; each render job reads its features from the GeoPackage through the ogr provider,
which is how QGIS draws).

Usage (Debian's qgis + python3-qgis; the system python, not a virtualenv):
  QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/qgis_render.py PROJECT.gpkg OUT.png \
      WIDTH HEIGHT [minx miny maxx maxy] [repeats]

Without an extent: the extent of the project's main layers with a 3 % margin (as
anzhi-cli render). With
one: exactly that extent (QGIS widens it to the image's aspect ratio, as anzhi-cli does).
Symbology: simple symbols with fixed colours per layer (fills with an outline, lines, circle
markers), and a categorized renderer on planned_plots.land_use (one fill per land-use code,
fixed colours), drawn bottom to top in the order of the Anzhi canvas. No labels.
Environment: QGIS_JOB=parallel (default, QgsMapRendererParallelJob, one thread per layer
up to the cores) or sequential (QgsMapRendererSequentialJob); QGIS_ANTIALIAS=1 (default).
Prints one JSON object: the median of `repeats` renders (default 5) after one warm-up.
"""
import json
import os
import statistics
import sys
import time
import zlib

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMapRendererParallelJob,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsRectangle,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

# Bottom to top, as app/render/MapRenderer.cpp defaultLayerOrder().
ORDER = [
    "forest_land", "reclaimed_homesteads", "planned_plots", "industrial_parks", "buildings",
    "school_catchments", "roads", "ranger_plots", "resettlement_sites", "service_points",
    "elderly_care", "clinics", "schools", "rangers",
]
COLOURS = {
    "forest_land": "104,177,103,110", "reclaimed_homesteads": "160,160,160",
    "industrial_parks": "187,150,116,120", "buildings": "70,70,70,70",
    "school_catchments": "31,95,214,0", "roads": "140,140,140",
    "ranger_plots": "20,110,45,60", "resettlement_sites": "139,0,0,0",
    "service_points": "135,97,211", "elderly_care": "255,140,0", "clinics": "220,20,20",
    "schools": "31,95,214", "rangers": "20,110,45",
}


def symbol_for(name, geom_type, colour):
    if geom_type == QgsWkbTypes.PointGeometry:
        return QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": "2.2",
                                             "outline_color": "255,255,255"})
    if geom_type == QgsWkbTypes.LineGeometry:
        return QgsLineSymbol.createSimple({"color": colour, "width": "0.4"})
    r, g, b = (int(v) for v in colour.split(",")[:3])
    outline = QColor(r, g, b).darker(150)
    return QgsFillSymbol.createSimple({
        "color": colour, "outline_color": "%d,%d,%d" % (outline.red(), outline.green(),
                                                        outline.blue()),
        "outline_width": "0.15"})


def categorized_plots(layer):
    field = layer.fields().indexOf("land_use")
    cats = []
    for value in sorted(str(v) for v in layer.uniqueValues(field) if v is not None):
        h = zlib.crc32(value.encode("utf-8"))
        colour = "%d,%d,%d" % (80 + h % 170, 80 + (h >> 8) % 170, 80 + (h >> 16) % 170)
        cats.append(QgsRendererCategory(value, symbol_for("planned_plots",
                                                          QgsWkbTypes.PolygonGeometry, colour),
                                        value))
    cats.append(QgsRendererCategory(None, symbol_for("planned_plots", QgsWkbTypes.PolygonGeometry,
                                                     "225,225,225"), "other"))
    return QgsCategorizedSymbolRenderer("land_use", cats)


def main(argv):
    if len(argv) not in (5, 6, 9, 10):
        sys.exit(__doc__)
    path, out, width, height = argv[1], argv[2], int(argv[3]), int(argv[4])
    extent = [float(v) for v in argv[5:9]] if len(argv) >= 9 else None
    repeats = int(argv[-1]) if len(argv) in (6, 10) else 5

    app = QgsApplication([], False)
    app.initQgis()
    layers = {}
    for name in ORDER:
        layer = QgsVectorLayer("%s|layername=%s" % (path, name), name, "ogr")
        if not layer.isValid():
            continue
        if name == "planned_plots":
            layer.setRenderer(categorized_plots(layer))
        else:
            layer.setRenderer(QgsSingleSymbolRenderer(
                symbol_for(name, layer.geometryType(), COLOURS.get(name, "200,200,200"))))
        layers[name] = layer
    if not layers:
        sys.exit("qgis_render.py: %s: no layer could be opened" % path)

    settings = QgsMapSettings()
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4546"))
    settings.setOutputSize(QSize(width, height))
    settings.setOutputDpi(96)
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setFlag(QgsMapSettings.Antialiasing, os.environ.get("QGIS_ANTIALIAS", "1") == "1")
    # QgsMapSettings.layers(): first is on top.
    settings.setLayers([layers[n] for n in reversed(ORDER) if n in layers])
    if extent:
        settings.setExtent(QgsRectangle(*extent))
    else:
        # As anzhi-cli render: the layers that make the project's extent, in the output CRS
        # (a layer may be stored in another CRS, e.g. CGCS2000 lon/lat; QGIS reprojects it on
        # the fly as Anzhi did when loading), with 3 % of the size free on each side.
        full = None
        for name in ("resettlement_sites", "planned_plots", "forest_land", "ranger_plots",
                     "schools", "reclaimed_homesteads", "roads"):
            if name not in layers or layers[name].extent().isEmpty():
                continue
            e = settings.layerExtentToOutputExtent(layers[name], layers[name].extent())
            if full is None:
                full = QgsRectangle(e)
            else:
                full.combineExtentWith(e)
        full.grow(0.03 * max(full.width(), full.height()))
        settings.setExtent(full)

    sequential = os.environ.get("QGIS_JOB", "parallel") == "sequential"

    def render():
        job = (QgsMapRendererSequentialJob if sequential else QgsMapRendererParallelJob)(settings)
        start = time.perf_counter()
        job.start()
        job.waitForFinished()
        ms = (time.perf_counter() - start) * 1000
        return job.renderedImage(), ms

    image, first = render()  # warm-up: provider connections, spatial index, page cache
    times = [render()[1] for _ in range(repeats)]
    image.save(out, "PNG")
    e = settings.visibleExtent()
    print(json.dumps({
        "renderer": "qgis " + __import__("qgis.core").core.Qgis.QGIS_VERSION,
        "job": "sequential" if sequential else "parallel",
        "width": width, "height": height,
        "extent_m": [round(e.width()), round(e.height())],
        "layers": len(layers),
        "first_ms": round(first, 1),
        "median_ms": round(statistics.median(times), 1),
        "min_ms": round(min(times), 1), "max_ms": round(max(times), 1),
        "repeats": repeats,
    }), flush=True)
    # Leave without QgsApplication.exitQgis(): PyQGIS 3.22 may crash while tearing down.
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv)
