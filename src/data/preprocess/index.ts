// Public surface of the drawing/image → MNIST-form preprocessing (pure, no DOM).
export {
  preprocessStrokes,
  DEFAULT_TARGET_PEN_DIAMETER,
  type StrokePreprocessOptions,
} from './preprocess-strokes';
export { preprocessGrayImage, preprocessRgbaImage } from './preprocess-image';
export type { PreprocessResult, PreprocessStage, StageName } from './stage';
export type { GrayImage } from './gray-image';
export type { Stroke, StrokePoint } from './strokes';
export type { RgbaImage } from './rgba-to-luminance';
export { centreOfMass, type PointXY } from './centre-of-mass';
export { FRAME_SIZE, FIT_SIZE, CENTRE_INDEX } from './mnist-frame';
