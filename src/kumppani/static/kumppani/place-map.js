// The map of each place on the activity form: a click on the map fills in the place's latitude and
// longitude. Without JavaScript, Leaflet or the tile server the fields are there to fill in by hand.
document.addEventListener("DOMContentLoaded", () => {
  const rows = document.querySelector(".place-rows[data-map-tiles]");
  if (!rows || typeof L === "undefined") return;
  const FINLAND = [64.9, 25.7];
  const round = (value) => Math.round(value * 100000) / 100000;
  rows.querySelectorAll("fieldset.activity-row").forEach((row) => {
    const latitude = row.querySelector("input[name$='-latitude']");
    const longitude = row.querySelector("input[name$='-longitude']");
    if (!latitude || !longitude) return;
    const help = document.createElement("p");
    help.className = "muted place-map-help";
    help.textContent = rows.dataset.mapHelp;
    const box = document.createElement("div");
    box.className = "place-map";
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", rows.dataset.mapHelp);
    row.querySelector(".row-fields").after(help, box);
    const map = L.map(box, { scrollWheelZoom: false });
    L.tileLayer(rows.dataset.mapTiles, { maxZoom: 19, attribution: rows.dataset.mapAttribution }).addTo(map);
    let marker = null;
    const show = () => {
      const lat = parseFloat(latitude.value.replace(",", "."));
      const lng = parseFloat(longitude.value.replace(",", "."));
      if (Number.isNaN(lat) || Number.isNaN(lng)) return false;
      if (marker) marker.setLatLng([lat, lng]);
      else marker = L.circleMarker([lat, lng], { radius: 9, weight: 3 }).addTo(map);
      return true;
    };
    if (show()) map.setView(marker.getLatLng(), 15);
    else map.setView(FINLAND, 5);
    map.on("click", (event) => {
      latitude.value = round(event.latlng.lat);
      longitude.value = round(event.latlng.lng);
      show();
    });
    latitude.addEventListener("change", show);
    longitude.addEventListener("change", show);
  });
});
