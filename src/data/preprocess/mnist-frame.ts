// The geometry of an MNIST input: a 28x28 frame, ink fitted into 20 px, centre of mass at (14, 14).
export const FRAME_SIZE = 28;
export const FIT_SIZE = 20;
/** Target centre of mass in pixel-index coordinates. */
export const CENTRE_INDEX = 14;
