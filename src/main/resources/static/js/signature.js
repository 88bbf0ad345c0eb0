// A signature drawn with a finger, pen or mouse on the consent page: the drawing is sent
// as a PNG in the hidden drawnSignature field. Without this script the typed signature
// works alone.
(function () {
  document.addEventListener('DOMContentLoaded', function () {
    var area = document.getElementById('draw-area');
    var canvas = document.getElementById('signature-pad');
    var field = document.getElementById('drawnSignature');
    if (!area || !canvas || !field) {
      return;
    }
    area.classList.remove('d-none');
    canvas.width = canvas.clientWidth;
    var pen = canvas.getContext('2d');
    pen.lineWidth = 2;
    pen.lineCap = 'round';
    var drawing = false;
    var drawn = false;
    function at(event) {
      var box = canvas.getBoundingClientRect();
      return { x: event.clientX - box.left, y: event.clientY - box.top };
    }
    canvas.addEventListener('pointerdown', function (event) {
      drawing = true;
      var p = at(event);
      pen.beginPath();
      pen.moveTo(p.x, p.y);
      canvas.setPointerCapture(event.pointerId);
    });
    canvas.addEventListener('pointermove', function (event) {
      if (!drawing) {
        return;
      }
      var p = at(event);
      pen.lineTo(p.x, p.y);
      pen.stroke();
      drawn = true;
    });
    canvas.addEventListener('pointerup', function () {
      drawing = false;
      if (drawn) {
        field.value = canvas.toDataURL('image/png');
      }
    });
    canvas.style.touchAction = 'none';
    document.getElementById('clear-signature').addEventListener('click', function () {
      pen.clearRect(0, 0, canvas.width, canvas.height);
      drawn = false;
      field.value = '';
    });
  });
})();
