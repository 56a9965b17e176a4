import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { type MessageId, useT } from '../../i18n/t.js';

/** Where a scanned code leads: a contract's verification page (with its offline payload), or nowhere. */
export function verificationTarget(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const m = /^\/verify\/([^/]+)$/.exec(url.pathname);
  // The page of this site is opened whatever host the printout names: the offline check then decides.
  return m ? `/verify/${m[1]}${url.hash}` : undefined;
}

type State = 'idle' | 'starting' | 'scanning' | 'denied' | 'no-camera' | 'not-ours';
const MESSAGES: Partial<Record<State, MessageId>> = {
  scanning: 'verify.scanning',
  denied: 'verify.scanDenied',
  'no-camera': 'verify.scanNoCamera',
  'not-ours': 'verify.scanNotOurs',
};

/**
 * Scans a contract's QR code with the phone's camera, in the page: the decoder (jsQR) is
 * fetched only when the person starts the camera, so it never weighs on the first load.
 */
export function QrScanner() {
  const t = useT();
  const navigate = useNavigate();
  const [state, setState] = useState<State>('idle');
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | undefined>(undefined);

  const stop = () => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = undefined;
  };
  useEffect(() => stop, []);

  useEffect(() => {
    if (state !== 'scanning') return;
    let live = true;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    void import('jsqr').then(({ default: jsQR }) => {
      const look = () => {
        if (!live) return;
        const v = video.current;
        if (v && context && v.readyState >= 2 && v.videoWidth > 0) {
          canvas.width = v.videoWidth;
          canvas.height = v.videoHeight;
          context.drawImage(v, 0, 0);
          const found = jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height, { inversionAttempts: 'dontInvert' });
          if (found) {
            const target = verificationTarget(found.data);
            if (target) {
              stop();
              void navigate(target);
              return;
            }
            setState('not-ours');
            live = false;
            stop();
            return;
          }
        }
        setTimeout(look, 200);
      };
      look();
    });
    return () => {
      live = false;
    };
  }, [state, navigate]);

  const start = async () => {
    if (!navigator.mediaDevices?.getUserMedia) return setState('no-camera');
    setState('starting');
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (err) {
      return setState((err as DOMException).name === 'NotAllowedError' ? 'denied' : 'no-camera');
    }
    if (video.current) {
      video.current.srcObject = stream.current;
      await video.current.play().catch(() => undefined);
    }
    setState('scanning');
  };

  const active = state === 'starting' || state === 'scanning';
  const message = MESSAGES[state];
  return (
    <section aria-labelledby="scan-title" className="card">
      <h2 id="scan-title">{t('verify.scanTitle')}</h2>
      <video ref={video} muted playsInline hidden={!active} aria-label={t('verify.cameraLabel')} className="scanner" />
      {message && (
        <p role={state === 'scanning' ? 'status' : 'alert'} className={state === 'scanning' ? 'muted' : 'notice'}>
          {t(message)}
        </p>
      )}
      {active ? (
        <button
          type="button"
          onClick={() => {
            stop();
            setState('idle');
          }}
        >
          {t('verify.scanStop')}
        </button>
      ) : (
        <button type="button" onClick={() => void start()}>
          {t('verify.scan')}
        </button>
      )}
    </section>
  );
}
